ALTER TABLE "staff_invitations" DROP CONSTRAINT "staff_invitations_organisation_ck";--> statement-breakpoint
ALTER TABLE "staff_invitations" ADD COLUMN "region_id" uuid;--> statement-breakpoint
ALTER TABLE "staff_invitations" ADD CONSTRAINT "staff_invitations_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "staff_invitations_region_idx" ON "staff_invitations" USING btree ("region_id");--> statement-breakpoint
ALTER TABLE "staff_invitations" ADD CONSTRAINT "staff_invitations_region_ck" CHECK ("staff_invitations"."region_id" is null or "staff_invitations"."role" = 'policy');--> statement-breakpoint
ALTER TABLE "staff_invitations" ADD CONSTRAINT "staff_invitations_organisation_ck" CHECK (num_nonnulls("staff_invitations"."organisation_id", "staff_invitations"."intermediary_organisation_id", "staff_invitations"."municipality_id", "staff_invitations"."region_id") = 1);