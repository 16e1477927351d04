#!/usr/bin/env bash
# The test command of the README: builds everything (fetching DuckDB's native library once) and runs every test project.
set -euo pipefail
cd "$(dirname "$0")"
dotnet test SupportLens.slnx --nologo "$@"
