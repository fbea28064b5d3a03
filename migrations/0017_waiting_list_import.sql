CREATE TABLE "waiting_list_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"provider_location_id" uuid NOT NULL,
	"created_by_user_id" uuid NOT NULL,
	"session_binding" text NOT NULL,
	"file_name" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"header" jsonb NOT NULL,
	"rows" jsonb,
	"mapping" jsonb,
	"row_count" integer NOT NULL,
	"imported_count" integer,
	"refused_count" integer,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "waiting_list_imports_status_ck" CHECK ("waiting_list_imports"."status" in ('pending', 'imported', 'discarded'))
);
--> statement-breakpoint
ALTER TABLE "waiting_list_imports" ADD CONSTRAINT "waiting_list_imports_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waiting_list_imports" ADD CONSTRAINT "waiting_list_imports_provider_location_id_provider_locations_id_fk" FOREIGN KEY ("provider_location_id") REFERENCES "public"."provider_locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waiting_list_imports" ADD CONSTRAINT "waiting_list_imports_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "waiting_list_imports_location_idx" ON "waiting_list_imports" USING btree ("provider_location_id","created_at");