-- A report's visibility is that of its published version. Before this, submitting a correction
-- copied the new version's choice onto the report at once, so a restricted report could read as
-- public before (or without) that correction being published.
UPDATE "reports" AS r
SET "visibility" = v."visibility"
FROM "report_versions" AS v
WHERE v."report_id" = r."id"
  AND v."version_no" = r."published_version_no"
  AND r."visibility" IS DISTINCT FROM v."visibility";
