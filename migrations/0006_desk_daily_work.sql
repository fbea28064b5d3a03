CREATE TYPE "public"."contact_channel" AS ENUM('phone', 'visit', 'mail', 'other');--> statement-breakpoint
CREATE TYPE "public"."desk_note_kind" AS ENUM('note', 'contact', 'social_emergency');--> statement-breakpoint
CREATE TABLE "desk_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"request_id" uuid,
	"kind" "desk_note_kind" NOT NULL,
	"contact_channel" "contact_channel",
	"body" text NOT NULL,
	"author_user_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "duplicate_dismissals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_a_id" uuid NOT NULL,
	"family_b_id" uuid NOT NULL,
	"dismissed_by_user_id" uuid,
	"dismissed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "duplicate_dismissals_order_ck" CHECK ("duplicate_dismissals"."family_a_id" < "duplicate_dismissals"."family_b_id")
);
--> statement-breakpoint
CREATE TABLE "family_merges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kept_family_id" uuid NOT NULL,
	"merged_family_id" uuid NOT NULL,
	"merged_by_user_id" uuid,
	"merged_at" timestamp with time zone NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_forwards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"provider_location_id" uuid NOT NULL,
	"forwarded_by_user_id" uuid,
	"forwarded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "follow_up_tasks" ALTER COLUMN "intermediary_organisation_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "merged_into_child_id" uuid;--> statement-breakpoint
ALTER TABLE "families" ADD COLUMN "merged_into_family_id" uuid;--> statement-breakpoint
ALTER TABLE "follow_up_tasks" ADD COLUMN "municipality_id" uuid;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "social_emergency_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "social_emergency_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "desk_notes" ADD CONSTRAINT "desk_notes_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_notes" ADD CONSTRAINT "desk_notes_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_notes" ADD CONSTRAINT "desk_notes_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_dismissals" ADD CONSTRAINT "duplicate_dismissals_family_a_id_families_id_fk" FOREIGN KEY ("family_a_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_dismissals" ADD CONSTRAINT "duplicate_dismissals_family_b_id_families_id_fk" FOREIGN KEY ("family_b_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_dismissals" ADD CONSTRAINT "duplicate_dismissals_dismissed_by_user_id_users_id_fk" FOREIGN KEY ("dismissed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_merges" ADD CONSTRAINT "family_merges_kept_family_id_families_id_fk" FOREIGN KEY ("kept_family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_merges" ADD CONSTRAINT "family_merges_merged_family_id_families_id_fk" FOREIGN KEY ("merged_family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_merges" ADD CONSTRAINT "family_merges_merged_by_user_id_users_id_fk" FOREIGN KEY ("merged_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_forwards" ADD CONSTRAINT "request_forwards_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_forwards" ADD CONSTRAINT "request_forwards_provider_location_id_provider_locations_id_fk" FOREIGN KEY ("provider_location_id") REFERENCES "public"."provider_locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_forwards" ADD CONSTRAINT "request_forwards_forwarded_by_user_id_users_id_fk" FOREIGN KEY ("forwarded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "desk_notes_family_idx" ON "desk_notes" USING btree ("family_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "duplicate_dismissals_pair_uq" ON "duplicate_dismissals" USING btree ("family_a_id","family_b_id");--> statement-breakpoint
CREATE UNIQUE INDEX "family_merges_merged_uq" ON "family_merges" USING btree ("merged_family_id");--> statement-breakpoint
CREATE UNIQUE INDEX "request_forwards_request_location_uq" ON "request_forwards" USING btree ("request_id","provider_location_id");--> statement-breakpoint
CREATE INDEX "request_forwards_location_idx" ON "request_forwards" USING btree ("provider_location_id");--> statement-breakpoint
ALTER TABLE "children" ADD CONSTRAINT "children_merged_into_child_id_children_id_fk" FOREIGN KEY ("merged_into_child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "families" ADD CONSTRAINT "families_merged_into_family_id_families_id_fk" FOREIGN KEY ("merged_into_family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_tasks" ADD CONSTRAINT "follow_up_tasks_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_social_emergency_by_user_id_users_id_fk" FOREIGN KEY ("social_emergency_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "follow_up_tasks_desk_open_idx" ON "follow_up_tasks" USING btree ("municipality_id","created_at") WHERE "follow_up_tasks"."done_at" is null;--> statement-breakpoint
ALTER TABLE "follow_up_tasks" ADD CONSTRAINT "follow_up_tasks_owner_ck" CHECK (("follow_up_tasks"."intermediary_organisation_id" is null) <> ("follow_up_tasks"."municipality_id" is null));