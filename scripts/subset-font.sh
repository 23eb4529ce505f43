#!/usr/bin/env bash
# Rebuilds assets/fonts/DejaVuSans-charts.ttf, the chart font: DejaVu Sans (from the dejavu-fonts-ttf npm package, run
# `npm i --no-save dejavu-fonts-ttf` first) cut to the scripts names and labels use, so that resvg parses a third of it
# for every chart. Needs fontTools (Debian: apt-get install python3-fonttools).
set -euo pipefail
cd "$(dirname "$0")/.."
"${PYTHON:-/usr/bin/python3}" -m fontTools.subset node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf \
  --unicodes='U+0020-007E,U+00A0-024F,U+0300-036F,U+0370-03FF,U+0400-052F,U+1E00-1EFF,U+2000-206F,U+20A0-20CF,U+2100-214F,U+2190-21FF,U+2200-22FF,U+25A0-25FF,U+2600-26FF' \
  --layout-features='kern,liga,ccmp,mark,mkmk' --output-file=assets/fonts/DejaVuSans-charts.ttf
