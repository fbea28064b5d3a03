ALTER TYPE "public"."care_type" ADD VALUE 'out_of_school';--> statement-breakpoint
ALTER TABLE "municipalities" ADD COLUMN "out_of_school_requests" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "provider_locations" ADD COLUMN "out_of_school_hours" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "provider_locations" ADD COLUMN "schools_served" text[] DEFAULT '{}'::text[] NOT NULL;