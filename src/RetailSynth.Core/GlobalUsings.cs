// The bottom layers every Core folder may use (docs/architecture.md); the layer test checks real dependencies, not using lines.
global using RetailSynth.Domain;
global using RetailSynth.Domain.Facts;
global using RetailSynth.Foundation.Configuration;
global using RetailSynth.Foundation.Diagnostics;
global using RetailSynth.Foundation.Errors;
global using RetailSynth.Foundation.Geo;
global using RetailSynth.Foundation.Randomness;
