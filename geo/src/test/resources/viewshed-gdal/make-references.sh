#!/bin/sh
# Regenerates the gdal_viewshed reference rasters from observers.csv (needs gdal-bin; run once,
# commit the outputs). Observers sit a quarter cell inside their cell's north-west corner so every
# GDAL version picks the same observer cell (older releases round, newer ones truncate).
set -eu
cd "$(dirname "$0")"
tail -n +2 observers.csv | while IFS=, read -r name dem col row oz tz cc md; do
  gt=$(gdalinfo "$dem" | sed -n 's/^Origin = (\(.*\),\(.*\))$/\1 \2/p')
  px=$(gdalinfo "$dem" | sed -n 's/^Pixel Size = (\(.*\),\(.*\))$/\1 \2/p')
  ox=$(echo "$gt $px $col" | awk '{printf "%.3f", $1 + ($5 + 0.25) * $3}')
  oy=$(echo "$gt $px $row" | awk '{printf "%.3f", $2 + ($5 + 0.25) * $4}')
  rm -f "vs_$name.tif"
  gdal_viewshed -q -oz "$oz" -tz "$tz" -cc "$cc" -md "$md" -ox "$ox" -oy "$oy" \
    -co COMPRESS=DEFLATE "$dem" "vs_$name.tif"
  echo "$name: gdal_viewshed -oz $oz -tz $tz -cc $cc -md $md -ox $ox -oy $oy -co COMPRESS=DEFLATE $dem vs_$name.tif"
done
rm -f ./*.aux.xml
