ALTER TABLE "requests" ADD COLUMN "residence_municipality_id" uuid;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "residence_sub_municipality_id" uuid;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_residence_municipality_id_municipalities_id_fk" FOREIGN KEY ("residence_municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_residence_sub_municipality_id_sub_municipalities_id_fk" FOREIGN KEY ("residence_sub_municipality_id") REFERENCES "public"."sub_municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Requests filed before this migration: the family's address as it is now (what the figures read until now).
UPDATE "requests" SET "residence_municipality_id" = "families"."municipality_id", "residence_sub_municipality_id" = "families"."sub_municipality_id" FROM "families" WHERE "families"."id" = "requests"."family_id";
