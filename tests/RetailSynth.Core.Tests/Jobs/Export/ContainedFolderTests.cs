using RetailSynth.Jobs.Export;
using RetailSynth.Tests;

namespace RetailSynth.Core.Tests.Jobs.Export;

public sealed class ContainedFolderTests : IDisposable
{
    private readonly TempFolder _root = new();
    private readonly TempFolder _outside = new();

    private string Root => _root.Path;

    public void Dispose()
    {
        _root.Dispose();
        _outside.Dispose();
    }

    [Fact]
    public void A_plain_subfolder_that_does_not_exist_yet_is_inside()
    {
        Assert.True(ContainedFolder.IsInside(Root, Path.Combine(Root, "exports", "2024")));
    }

    [Fact]
    public void A_folder_reached_through_a_link_to_outside_is_not_inside()
    {
        Directory.CreateSymbolicLink(Path.Combine(Root, "shared"), _outside.Path);

        Assert.False(ContainedFolder.IsInside(Root, Path.Combine(Root, "shared", "exports")));
        Assert.False(ContainedFolder.IsInside(Root, Path.Combine(Root, "shared")));
    }

    [Fact]
    public void A_link_deeper_down_that_points_outside_through_a_relative_target_is_not_inside()
    {
        Directory.CreateDirectory(Path.Combine(Root, "a", "b"));
        Directory.CreateSymbolicLink(Path.Combine(Root, "a", "b", "up"), Path.Combine("..", "..", ".."));

        Assert.False(ContainedFolder.IsInside(Root, Path.Combine(Root, "a", "b", "up", "exports")));
    }

    [Fact]
    public void A_link_to_a_link_to_outside_is_not_inside()
    {
        var hop = Path.Combine(_outside.Path, "hop");
        Directory.CreateSymbolicLink(hop, _outside.Path);
        Directory.CreateSymbolicLink(Path.Combine(Root, "first"), hop);

        Assert.False(ContainedFolder.IsInside(Root, Path.Combine(Root, "first", "exports")));
    }

    [Fact]
    public void A_link_that_stays_inside_is_inside()
    {
        Directory.CreateDirectory(Path.Combine(Root, "lake"));
        Directory.CreateSymbolicLink(Path.Combine(Root, "current"), "lake");

        Assert.True(ContainedFolder.IsInside(Root, Path.Combine(Root, "current", "exports")));
        Assert.Equal(Path.Combine(ContainedFolder.RealPath(Root)!, "lake", "exports"), ContainedFolder.RealPath(Path.Combine(Root, "current", "exports")));
    }

    [Fact]
    public void A_root_reached_through_a_link_still_contains_its_folders()
    {
        var linkedRoot = Path.Combine(_outside.Path, "root-link");
        Directory.CreateSymbolicLink(linkedRoot, Root);

        Assert.True(ContainedFolder.IsInside(linkedRoot, Path.Combine(linkedRoot, "exports")));
        Assert.True(ContainedFolder.IsInside(linkedRoot, Path.Combine(Root, "exports")));
    }

    [Fact]
    public void A_link_loop_counts_as_outside()
    {
        Directory.CreateSymbolicLink(Path.Combine(Root, "ping"), Path.Combine(Root, "pong"));
        Directory.CreateSymbolicLink(Path.Combine(Root, "pong"), Path.Combine(Root, "ping"));

        Assert.Null(ContainedFolder.RealPath(Path.Combine(Root, "ping", "exports")));
        Assert.False(ContainedFolder.IsInside(Root, Path.Combine(Root, "ping", "exports")));
    }

    [Fact]
    public void The_root_itself_is_not_inside()
    {
        Assert.False(ContainedFolder.IsInside(Root, Root));
    }
}
