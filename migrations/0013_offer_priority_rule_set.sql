ALTER TABLE "offers" ADD COLUMN "priority_rule_set_id" uuid;--> statement-breakpoint
ALTER TABLE "offers" ADD COLUMN "priority_level" smallint;--> statement-breakpoint
ALTER TABLE "offers" ADD COLUMN "priority_vulnerable" boolean;--> statement-breakpoint
ALTER TABLE "offers" ADD COLUMN "priority_reasons" text[];--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_priority_rule_set_id_priority_rule_sets_id_fk" FOREIGN KEY ("priority_rule_set_id") REFERENCES "public"."priority_rule_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Offers made before this migration keep null: how priority stood then was not recorded, and the
-- rules the product hard-coded at the time are no stored set (ADR 0018).
COMMENT ON COLUMN "offers"."priority_level" IS 'Priority when the offer was made (2 absolute, 1, 0); null: not recorded';
