ALTER TABLE "location_capacities" ADD COLUMN "active" boolean DEFAULT true NOT NULL;--> statement-breakpoint
-- Locations deactivated before this migration: closed from the day of their latest deactivation in the audit log, with the places they had then.
INSERT INTO "location_capacities" ("location_id", "valid_from", "capacity", "active", "recorded_at")
SELECT pl."id", (d."at" AT TIME ZONE 'Europe/Brussels')::date,
       coalesce((SELECT c."capacity" FROM "location_capacities" c
                  WHERE c."location_id" = pl."id" AND c."valid_from" <= (d."at" AT TIME ZONE 'Europe/Brussels')::date
                  ORDER BY c."valid_from" DESC LIMIT 1), pl."capacity"),
       false, d."at"
  FROM "provider_locations" pl
  JOIN LATERAL (SELECT max(a."occurred_at") AS "at" FROM "audit_log" a
                 WHERE a."subject_type" = 'provider_location' AND a."subject_id" = pl."id"::text
                   AND a."details"->>'change' = 'deactivated') d ON d."at" IS NOT NULL
 WHERE NOT pl."active"
ON CONFLICT ("location_id", "valid_from") DO UPDATE SET "active" = false;
--> statement-breakpoint
-- Those whose deactivation the log does not tell: closed for their whole history, as the figures counted them until now.
UPDATE "location_capacities" c SET "active" = false
  FROM "provider_locations" pl
 WHERE pl."id" = c."location_id" AND NOT pl."active"
   AND NOT EXISTS (SELECT 1 FROM "location_capacities" x WHERE x."location_id" = pl."id" AND NOT x."active");
