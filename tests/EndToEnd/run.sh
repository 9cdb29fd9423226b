#!/usr/bin/env bash
# End to end, as a new user installs SpecClient: pack it into a local feed, create brand-new
# projects with `dotnet new`, add the package by name and version, copy in the seed specs,
# build (warnings as errors) and run. Everything happens in one temporary folder, with its own
# NuGet package cache, build output and CLI home, so no stale package can make it pass.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/specclient-e2e.XXXXXX")
trap 'rm -rf "$work"' EXIT
export NUGET_PACKAGES="$work/nuget-packages" NUGET_HTTP_CACHE_PATH="$work/nuget-http-cache" NUGET_PLUGINS_CACHE_PATH="$work/nuget-plugins"
export DOTNET_CLI_HOME="$work/cli-home" DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
build=(--disable-build-servers -warnaserror -p:EmitCompilerGeneratedFiles=true)

step() { echo; echo "== e2e: $*"; }

step "pack into a local feed"
dotnet pack "$repo/Generator.sln" -c Release -o "$work/feed" -p:ArtifactsPath="$work/artifacts" --disable-build-servers -nologo -v:q
package=$(cd "$work/feed" && ls SpecClient.[0-9]*.nupkg)
version=${package#SpecClient.}; version=${version%.nupkg}
echo "packed $package"
# SpecClient may only come from the local feed; everything else from nuget.org.
cat > "$work/nuget.config" <<XML
<configuration>
  <packageSources>
    <clear />
    <add key="specclient-e2e" value="$work/feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="specclient-e2e">
      <package pattern="SpecClient" />
      <package pattern="SpecClient.Tool" />
    </packageSource>
    <packageSource key="nuget.org">
      <package pattern="*" />
    </packageSource>
  </packageSourceMapping>
</configuration>
XML

new_project() { # template, name, framework
  # The SDK's templates offer its own framework and netstandard; any other one is set afterwards.
  dotnet new "$1" -o "$work/$2" -n "$2" >/dev/null
  sed -i -E "s|<TargetFramework>[^<]+</TargetFramework>|<TargetFramework>$3</TargetFramework>|" "$work/$2/$2.csproj"
  dotnet add "$work/$2" package SpecClient --version "$version" >/dev/null
  mkdir -p "$work/$2/specs/submissions"
  cp "$repo/specs/wetransform/wetransform.spec.yaml" "$work/$2/specs/"
  cp "$repo/specs/wetransform/submissions/read.spec.yaml" "$work/$2/specs/submissions/"
  # YAML that is not a spec must never be read.
  printf 'services: [this is: not a spec\n' > "$work/$2/docker-compose.yaml"
}

assert_built_clean() { # log, name
  grep -qE '^ +0 Warning\(s\)' "$1" || { cat "$1"; echo "e2e: $2 built with warnings"; exit 1; }
  grep -qE '^ +0 Error\(s\)' "$1" || { cat "$1"; echo "e2e: $2 failed to build"; exit 1; }
}

generated() { find "$work/$1/obj" -path '*SpecClient.Generator.SpecClientGenerator*' -name "$2" | head -1; }

step "a new console app calls the endpoint over loopback"
new_project console E2eApp net10.0
cp "$repo/tests/EndToEnd/ConsoleProgram.cs" "$work/E2eApp/Program.cs"
cp "$repo/sample/Responses/submission.json" "$work/E2eApp/"
sed -i 's|</Project>|  <ItemGroup><None Include="submission.json" CopyToOutputDirectory="PreserveNewest" /></ItemGroup>\n</Project>|' "$work/E2eApp/E2eApp.csproj"
dotnet build "$work/E2eApp" "${build[@]}" > "$work/app-build.log" 2>&1 || { cat "$work/app-build.log"; exit 1; }
assert_built_clean "$work/app-build.log" E2eApp
output=$(dotnet run --project "$work/E2eApp" --no-build)
echo "$output"
for expected in "server: GET /sender/submission/cbe6d17e-9c19-4ac3-baf5-8e7e4bb53e3d" \
                "submission cbe6d17e-9c19-4ac3-baf5-8e7e4bb53e3d: Joël, 100 rows, failed: False" "rejected: submissionId"; do
  grep -qF "$expected" <<<"$output" || { echo "e2e: the app's output lacks: $expected"; exit 1; }
done

step "the package ships the JSON Schema of spec files, for editors"
[ -s "$NUGET_PACKAGES/specclient/$version/schema/specclient.schema.json" ] || { echo "e2e: the package lacks schema/specclient.schema.json"; exit 1; }

step "a net8.0 class library builds with zero warnings"
new_project classlib E2eNet8 net8.0
cp "$repo/tests/EndToEnd/LibraryUse.cs" "$work/E2eNet8/"
dotnet build "$work/E2eNet8" "${build[@]}" > "$work/net8.log" 2>&1 || { cat "$work/net8.log"; exit 1; }
assert_built_clean "$work/net8.log" E2eNet8
[ -n "$(generated E2eNet8 'specs.submissions.read.g.cs')" ] || { echo "e2e: net8.0 generated nothing"; exit 1; }
[ -z "$(generated E2eNet8 'SpecClient.Polyfills.g.cs')" ] || { echo "e2e: net8.0 got polyfills it does not need"; exit 1; }

step "a netstandard2.0 class library (C# 11) builds with zero warnings"
new_project classlib E2eNetStandard netstandard2.0
sed -i 's|<TargetFramework>netstandard2.0</TargetFramework>|<TargetFramework>netstandard2.0</TargetFramework>\n    <LangVersion>11</LangVersion>\n    <Nullable>enable</Nullable>|' "$work/E2eNetStandard/E2eNetStandard.csproj"
cp "$repo/tests/EndToEnd/LibraryUse.cs" "$work/E2eNetStandard/"
dotnet build "$work/E2eNetStandard" "${build[@]}" > "$work/netstandard.log" 2>&1 || { cat "$work/netstandard.log"; exit 1; }
assert_built_clean "$work/netstandard.log" E2eNetStandard
validation=$(generated E2eNetStandard 'specs.submissions.read.g.cs')
grep -q 'new("submissionId"' "$validation" || { echo "e2e: netstandard2.0 lacks route validation"; exit 1; }
[ -n "$(generated E2eNetStandard 'SpecClient.Polyfills.g.cs')" ] || { echo "e2e: netstandard2.0 lacks its polyfills"; exit 1; }

step "dotnet specclient import: the tool from the local feed, an OpenAPI document, a build and a call"
dotnet new console -o "$work/E2eImport" -n E2eImport >/dev/null
dotnet add "$work/E2eImport" package SpecClient --version "$version" >/dev/null
tool=$(cd "$work/feed" && ls SpecClient.Tool.*.nupkg); tool=${tool#SpecClient.Tool.}; tool=${tool%.nupkg}
(cd "$work/E2eImport" && dotnet new tool-manifest >/dev/null && dotnet tool install SpecClient.Tool --version "$tool" >/dev/null)
imported=$(cd "$work/E2eImport" && dotnet specclient import "$repo/tests/EndToEnd/petstore.openapi.yaml" --out specs/petstore)
echo "$imported"
grep -qF "1 operations: 1 fully expressed, 0 with a fallback, 0 skipped." <<<"$imported" || { echo "e2e: the import did not report one operation fully expressed"; exit 1; }
cp "$repo/tests/EndToEnd/ImportProgram.cs" "$work/E2eImport/Program.cs"
dotnet build "$work/E2eImport" "${build[@]}" > "$work/import-build.log" 2>&1 || { cat "$work/import-build.log"; exit 1; }
assert_built_clean "$work/import-build.log" E2eImport
output=$(dotnet run --project "$work/E2eImport" --no-build)
echo "$output"
for expected in "server: GET /pets/7" "pet 7: Rex, tag: none (base URL in the spec: https://pets.example.com/v1)"; do
  grep -qF "$expected" <<<"$output" || { echo "e2e: the imported client's output lacks: $expected"; exit 1; }
done

echo
echo "e2e: ok (SpecClient $version: console app, net8.0 and netstandard2.0 libraries, the importer tool)"
