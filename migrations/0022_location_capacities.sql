CREATE TABLE "location_capacities" (
	"location_id" uuid NOT NULL,
	"valid_from" date NOT NULL,
	"capacity" integer NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "location_capacities_location_id_valid_from_pk" PRIMARY KEY("location_id","valid_from"),
	CONSTRAINT "location_capacities_capacity_ck" CHECK ("location_capacities"."capacity" > 0)
);
--> statement-breakpoint
ALTER TABLE "location_capacities" ADD CONSTRAINT "location_capacities_location_id_provider_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."provider_locations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
-- Backfill: each existing location's current places, valid from the day it was registered.
INSERT INTO "location_capacities" ("location_id", "valid_from", "capacity", "recorded_at") SELECT "id", ("created_at" AT TIME ZONE 'Europe/Brussels')::date, "capacity", now() FROM "provider_locations" ON CONFLICT DO NOTHING;
