# The search service. Not built on the development machines (they run no Docker engine): written to the images'
# documented layout and checked by reading. Build: docker build -t hr-search .   Run: docker run -p 5080:5080 -v hr-index:/data hr-search

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig Search.sln ./
COPY src/ src/
RUN dotnet restore src/Search.Api/Search.Api.csproj
RUN dotnet publish src/Search.Api/Search.Api.csproj -c Release -o /out --no-restore
RUN dotnet publish src/Search.Cli/Search.Cli.csproj -c Release -o /out/cli

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /out ./
COPY index-config/ index-config/
COPY seeds/ seeds/
# Relative paths in the Search section resolve against the folder that holds index-config: /app.
ENV ASPNETCORE_URLS=http://+:5080 \
    Search__IndexPath=/data/index \
    Search__DocumentsPath=/data/documents \
    DOTNET_gcServer=0
RUN mkdir -p /data && chown -R app:app /data
USER app
VOLUME /data
EXPOSE 5080
ENTRYPOINT ["dotnet", "Search.Api.dll"]
