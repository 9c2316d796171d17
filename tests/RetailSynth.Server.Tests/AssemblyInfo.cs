// Each test starts its own server and DuckDB file; two at a time suit the 2-core machines this runs on.
[assembly: CollectionBehavior(MaxParallelThreads = 2)]
