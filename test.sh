#!/usr/bin/env bash
# The test command of the README: builds everything and runs every test project.
set -euo pipefail
cd "$(dirname "$0")"
dotnet test SupportLens.slnx --nologo "$@"
