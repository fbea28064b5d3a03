ALTER TABLE "provider_locations" ADD COLUMN "planning_enabled" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "provider_locations" ADD COLUMN "attendance_enabled" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "provider_locations" ADD COLUMN "invoicing_enabled" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "provider_organisations" ADD COLUMN "municipality_id" uuid;--> statement-breakpoint
ALTER TABLE "provider_organisations" ADD COLUMN "kind" text;--> statement-breakpoint
ALTER TABLE "provider_organisations" ADD COLUMN "contact_name" text;--> statement-breakpoint
ALTER TABLE "provider_organisations" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "provider_organisations" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "provider_organisations" ADD CONSTRAINT "provider_organisations_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- An organisation seeded before the desk registered providers belongs to the municipality of its first location.
UPDATE "provider_organisations" AS o SET "municipality_id" = (
  SELECT l."municipality_id" FROM "provider_locations" AS l
  WHERE l."organisation_id" = o."id" ORDER BY l."created_at", l."id" LIMIT 1
) WHERE o."municipality_id" IS NULL;
