CREATE TYPE "public"."care_type" AS ENUM('group', 'family');--> statement-breakpoint
CREATE TYPE "public"."language" AS ENUM('nl', 'fr', 'en');--> statement-breakpoint
CREATE TYPE "public"."no_place_reason" AS ENUM('full_for_period', 'age_group_full', 'care_plan_does_not_fit', 'outside_admission_policy', 'other');--> statement-breakpoint
CREATE TYPE "public"."offer_status" AS ENUM('pending', 'accepted', 'declined', 'expired', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."parent_situation" AS ENUM('working', 'job_seeking', 'training', 'other');--> statement-breakpoint
CREATE TYPE "public"."preference_status" AS ENUM('new', 'seen', 'waiting_list', 'offer_made', 'offer_accepted', 'enrolled', 'offer_declined', 'offer_expired', 'no_place', 'withdrawn', 'placed_elsewhere', 'request_closed');--> statement-breakpoint
CREATE TYPE "public"."request_channel" AS ENUM('parent', 'intermediary', 'desk');--> statement-breakpoint
CREATE TYPE "public"."request_kind" AS ENUM('regular', 'occasional');--> statement-breakpoint
CREATE TYPE "public"."request_status" AS ENUM('active', 'answered', 'expired', 'withdrawn', 'closed');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('parent', 'intermediary', 'provider_staff', 'provider_admin', 'desk', 'policy', 'platform_admin');--> statement-breakpoint
CREATE TYPE "public"."social_reason" AS ENUM('child_protection', 'foster_placement', 'family_crisis', 'medical', 'other');--> statement-breakpoint
CREATE SEQUENCE "public"."family_file_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 10001 CACHE 1;--> statement-breakpoint
CREATE TABLE "role_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "role" NOT NULL,
	"region_id" uuid,
	"municipality_id" uuid,
	"provider_location_id" uuid,
	"intermediary_organisation_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "role_grants_scope_ck" CHECK (("role_grants"."role" = 'parent')
        or ("role_grants"."role" in ('provider_staff', 'provider_admin') and "role_grants"."provider_location_id" is not null)
        or ("role_grants"."role" = 'intermediary' and "role_grants"."intermediary_organisation_id" is not null)
        or ("role_grants"."role" in ('desk', 'policy') and "role_grants"."municipality_id" is not null)
        or ("role_grants"."role" = 'policy' and "role_grants"."region_id" is not null)
        or ("role_grants"."role" = 'platform_admin'))
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"password_hash" text,
	"display_name" text NOT NULL,
	"language" "language" DEFAULT 'nl' NOT NULL,
	"email_verified_at" timestamp with time zone,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "children" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"first_name" text,
	"last_name" text NOT NULL,
	"birth_date" date,
	"expected_birth_date" date,
	"national_number_cipher" text,
	"national_number_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "families" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_number" text NOT NULL,
	"municipality_id" uuid NOT NULL,
	"sub_municipality_id" uuid,
	"street" text,
	"house_number" text,
	"postcode" text,
	"city" text,
	"single_parent" boolean DEFAULT false NOT NULL,
	"low_income" boolean DEFAULT false NOT NULL,
	"foster_child" boolean DEFAULT false NOT NULL,
	"disability_or_social_reason" boolean DEFAULT false NOT NULL,
	"no_secondary_diploma" boolean DEFAULT false NOT NULL,
	"needs_care_for_work" boolean DEFAULT false NOT NULL,
	"home_language" text,
	"siblings_in_care" boolean DEFAULT false NOT NULL,
	"consent_at" timestamp with time zone,
	"intermediary_organisation_id" uuid,
	"created_by_user_id" uuid,
	"anonymised_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "parents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"user_id" uuid,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"national_number_cipher" text,
	"national_number_hash" text,
	"email" text,
	"phone" text,
	"language" "language" DEFAULT 'nl' NOT NULL,
	"situation" "parent_situation",
	"days_per_week" numeric(3, 1),
	"position" smallint DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "municipalities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"nis_code" text NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"emergency_window_days" integer DEFAULT 30 NOT NULL,
	"max_preferences" integer DEFAULT 5 NOT NULL,
	"offer_deadline_days" integer DEFAULT 7 NOT NULL,
	"first_answer_days" integer DEFAULT 21 NOT NULL,
	"confirmation_interval_months" integer DEFAULT 3 NOT NULL,
	"max_months_ahead" integer DEFAULT 24 NOT NULL,
	"desk_email" text,
	"desk_phone" text,
	"desk_address" text,
	"desk_opening_hours" jsonb,
	"logo_url" text,
	"brand_colour" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "municipalities_nisCode_unique" UNIQUE("nis_code"),
	CONSTRAINT "municipalities_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "regions_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "sub_municipalities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"name" text NOT NULL,
	"postcode" text NOT NULL,
	"children0to3" integer,
	"children0to3_date" date
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"actor_user_id" uuid,
	"actor_role" "role",
	"action" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text,
	"family_id" uuid,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"to_address" text NOT NULL,
	"language" "language" NOT NULL,
	"template" text NOT NULL,
	"subject" text NOT NULL,
	"text_body" text NOT NULL,
	"html_body" text NOT NULL,
	"family_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "intermediary_organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provider_locations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"sub_municipality_id" uuid,
	"name" text NOT NULL,
	"care_type" "care_type" NOT NULL,
	"subsidy_level" smallint NOT NULL,
	"street" text NOT NULL,
	"house_number" text NOT NULL,
	"postcode" text NOT NULL,
	"city" text NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"capacity" integer NOT NULL,
	"min_age_months" integer DEFAULT 0 NOT NULL,
	"max_age_months" integer DEFAULT 36 NOT NULL,
	"opening_hours" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"languages" text[] DEFAULT '{nl}'::text[] NOT NULL,
	"inclusive_care" boolean DEFAULT false NOT NULL,
	"occasional_care" boolean DEFAULT false NOT NULL,
	"description" jsonb,
	"email" text,
	"phone" text,
	"website" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "provider_locations_subsidy_level_ck" CHECK ("provider_locations"."subsidy_level" between 0 and 3),
	CONSTRAINT "provider_locations_capacity_ck" CHECK ("provider_locations"."capacity" > 0)
);
--> statement-breakpoint
CREATE TABLE "provider_organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"enterprise_number" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"preference_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"care_plan" jsonb NOT NULL,
	"answer_deadline" date NOT NULL,
	"message" text,
	"status" "offer_status" DEFAULT 'pending' NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "preferences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"provider_location_id" uuid NOT NULL,
	"rank" smallint,
	"status" "preference_status" DEFAULT 'new' NOT NULL,
	"no_place_reason" "no_place_reason",
	"no_place_text" text,
	"added_from_emergency_list" boolean DEFAULT false NOT NULL,
	"status_changed_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"kind" "request_kind" DEFAULT 'regular' NOT NULL,
	"occasional_reason" text,
	"desired_start" date NOT NULL,
	"desired_end" date,
	"care_plan" jsonb NOT NULL,
	"care_needs" boolean DEFAULT false NOT NULL,
	"care_needs_text" text,
	"status" "request_status" DEFAULT 'active' NOT NULL,
	"channel" "request_channel" DEFAULT 'parent' NOT NULL,
	"social_reason" "social_reason",
	"submitted_at" timestamp with time zone NOT NULL,
	"last_confirmed_at" timestamp with time zone NOT NULL,
	"status_changed_at" timestamp with time zone NOT NULL,
	"submission_key" text,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "status_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"preference_id" uuid,
	"offer_id" uuid,
	"event_type" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"actor_user_id" uuid,
	"actor_role" "role",
	"occurred_at" timestamp with time zone NOT NULL,
	"details" jsonb
);
--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_provider_location_id_provider_locations_id_fk" FOREIGN KEY ("provider_location_id") REFERENCES "public"."provider_locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_intermediary_organisation_id_intermediary_organisations_id_fk" FOREIGN KEY ("intermediary_organisation_id") REFERENCES "public"."intermediary_organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "children" ADD CONSTRAINT "children_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "families" ADD CONSTRAINT "families_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "families" ADD CONSTRAINT "families_sub_municipality_id_sub_municipalities_id_fk" FOREIGN KEY ("sub_municipality_id") REFERENCES "public"."sub_municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "families" ADD CONSTRAINT "families_intermediary_organisation_id_intermediary_organisations_id_fk" FOREIGN KEY ("intermediary_organisation_id") REFERENCES "public"."intermediary_organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "families" ADD CONSTRAINT "families_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parents" ADD CONSTRAINT "parents_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parents" ADD CONSTRAINT "parents_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipalities" ADD CONSTRAINT "municipalities_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sub_municipalities" ADD CONSTRAINT "sub_municipalities_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intermediary_organisations" ADD CONSTRAINT "intermediary_organisations_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_locations" ADD CONSTRAINT "provider_locations_organisation_id_provider_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."provider_organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_locations" ADD CONSTRAINT "provider_locations_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_locations" ADD CONSTRAINT "provider_locations_sub_municipality_id_sub_municipalities_id_fk" FOREIGN KEY ("sub_municipality_id") REFERENCES "public"."sub_municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_preference_id_preferences_id_fk" FOREIGN KEY ("preference_id") REFERENCES "public"."preferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preferences" ADD CONSTRAINT "preferences_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preferences" ADD CONSTRAINT "preferences_provider_location_id_provider_locations_id_fk" FOREIGN KEY ("provider_location_id") REFERENCES "public"."provider_locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_events" ADD CONSTRAINT "status_events_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_events" ADD CONSTRAINT "status_events_preference_id_preferences_id_fk" FOREIGN KEY ("preference_id") REFERENCES "public"."preferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_events" ADD CONSTRAINT "status_events_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_events" ADD CONSTRAINT "status_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "role_grants_user_idx" ON "role_grants" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_uq" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "children_family_idx" ON "children" USING btree ("family_id");--> statement-breakpoint
CREATE UNIQUE INDEX "children_national_number_hash_uq" ON "children" USING btree ("national_number_hash") WHERE "children"."national_number_hash" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "families_file_number_uq" ON "families" USING btree ("file_number");--> statement-breakpoint
CREATE INDEX "families_municipality_idx" ON "families" USING btree ("municipality_id");--> statement-breakpoint
CREATE INDEX "parents_family_idx" ON "parents" USING btree ("family_id");--> statement-breakpoint
CREATE INDEX "parents_user_idx" ON "parents" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "parents_national_number_hash_idx" ON "parents" USING btree ("national_number_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "sub_municipalities_name_uq" ON "sub_municipalities" USING btree ("municipality_id","name");--> statement-breakpoint
CREATE INDEX "audit_log_family_idx" ON "audit_log" USING btree ("family_id","occurred_at");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_user_id","occurred_at");--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "outbox" USING btree ("next_attempt_at") WHERE "outbox"."sent_at" is null;--> statement-breakpoint
CREATE INDEX "provider_locations_municipality_idx" ON "provider_locations" USING btree ("municipality_id");--> statement-breakpoint
CREATE INDEX "offers_preference_idx" ON "offers" USING btree ("preference_id");--> statement-breakpoint
CREATE UNIQUE INDEX "offers_one_pending_per_preference_uq" ON "offers" USING btree ("preference_id") WHERE "offers"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "preferences_request_location_uq" ON "preferences" USING btree ("request_id","provider_location_id");--> statement-breakpoint
CREATE INDEX "preferences_location_status_idx" ON "preferences" USING btree ("provider_location_id","status");--> statement-breakpoint
CREATE INDEX "requests_municipality_status_idx" ON "requests" USING btree ("municipality_id","status","desired_start");--> statement-breakpoint
CREATE INDEX "requests_family_idx" ON "requests" USING btree ("family_id");--> statement-breakpoint
CREATE UNIQUE INDEX "requests_submission_key_uq" ON "requests" USING btree ("submission_key");--> statement-breakpoint
CREATE UNIQUE INDEX "requests_one_open_per_child_uq" ON "requests" USING btree ("child_id") WHERE "requests"."status" in ('active', 'answered');--> statement-breakpoint
CREATE INDEX "status_events_request_idx" ON "status_events" USING btree ("request_id","occurred_at");--> statement-breakpoint
CREATE INDEX "status_events_occurred_idx" ON "status_events" USING btree ("occurred_at");