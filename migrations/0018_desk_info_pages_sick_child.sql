ALTER TABLE "sick_child_services" ALTER COLUMN "area" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "sick_child_services" ALTER COLUMN "conditions" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "sick_child_services" ALTER COLUMN "hours" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "info_pages" ADD COLUMN "municipality_id" uuid;--> statement-breakpoint
ALTER TABLE "info_pages" ADD COLUMN "published" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "sick_child_services" ADD COLUMN "municipality_id" uuid;--> statement-breakpoint
ALTER TABLE "sick_child_services" ADD COLUMN "contact" text;--> statement-breakpoint
ALTER TABLE "sick_child_services" ADD COLUMN "description" jsonb;--> statement-breakpoint
ALTER TABLE "sick_child_services" ADD COLUMN "updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "info_pages" ADD CONSTRAINT "info_pages_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sick_child_services" ADD CONSTRAINT "sick_child_services_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "info_pages_municipality_idx" ON "info_pages" USING btree ("municipality_id");--> statement-breakpoint
CREATE INDEX "sick_child_services_municipality_idx" ON "sick_child_services" USING btree ("municipality_id");