// Namespaces most commands use: settings and the failures they report.
global using RetailSynth.Foundation.Configuration;
global using RetailSynth.Foundation.Errors;
