-- Issue 15 (ADR 0018): the family file holds the fact, the household's yearly income, instead of
-- the conclusion "income below the threshold" (low_income), and the date the priority facts were
-- given. No income is invented for existing files: a file that only had the low_income tick keeps
-- no income (the low-income criterion no longer holds for it until a parent, an intermediary or the
-- desk enters the amount), and every existing file's priority_facts_given_at stays empty (the date
-- its facts were given was never recorded).
ALTER TABLE "families" ADD COLUMN "yearly_income" integer;--> statement-breakpoint
ALTER TABLE "families" ADD COLUMN "priority_facts_given_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "families" DROP COLUMN "low_income";--> statement-breakpoint
ALTER TABLE "families" ADD CONSTRAINT "families_yearly_income_ck" CHECK ("families"."yearly_income" is null or "families"."yearly_income" >= 0);