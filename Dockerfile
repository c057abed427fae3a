# Builds and runs the CpsSupport web application (for users with Docker; CI and development run without it).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props CpsSupport.sln ./
COPY src/CpsSupport/CpsSupport.csproj src/CpsSupport/
COPY src/CpsSupport.Web/CpsSupport.Web.csproj src/CpsSupport.Web/
RUN dotnet restore src/CpsSupport.Web/CpsSupport.Web.csproj
COPY src/ src/
COPY db/knowledge-base/ db/knowledge-base/
COPY templates/ templates/
RUN dotnet publish src/CpsSupport.Web/CpsSupport.Web.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# Chromium prints the forms and letters (Playwright drives the system browser; it downloads none).
RUN apt-get update \
    && apt-get install -y --no-install-recommends chromium \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
# Supervisors edit the templates in place: the application's user owns them.
COPY --chown=$APP_UID templates/ /templates/
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    Documents__TemplatesRoot=/templates \
    Documents__Pdf__ExecutablePath=/usr/bin/chromium
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "CpsSupport.Web.dll"]
