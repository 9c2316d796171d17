// The ASP.NET Core namespaces nearly every endpoint and middleware uses (as Microsoft.NET.Sdk.Web would make implicit).
global using Microsoft.AspNetCore.Builder;
global using Microsoft.AspNetCore.Http;
global using Microsoft.AspNetCore.Http.HttpResults;
global using Microsoft.AspNetCore.Routing;
