CREATE TABLE "priority_rule_sets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"version" smallint NOT NULL,
	"name" jsonb NOT NULL,
	"source_reference" text NOT NULL,
	"source_url" text,
	"valid_from" date NOT NULL,
	"valid_until" date,
	"criteria" text[] NOT NULL,
	"absolute_criteria" text[] NOT NULL,
	"vulnerable_characteristics" text[] NOT NULL,
	"vulnerable_minimum" smallint NOT NULL,
	"vulnerable_required_among" text[] NOT NULL,
	"reserved_share_percent" smallint NOT NULL,
	"deviation_share_percent" smallint,
	"yearly_amounts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "priority_rule_sets_period_ck" CHECK ("priority_rule_sets"."valid_until" is null or "priority_rule_sets"."valid_until" >= "priority_rule_sets"."valid_from"),
	CONSTRAINT "priority_rule_sets_absolute_ck" CHECK ("priority_rule_sets"."absolute_criteria" <@ "priority_rule_sets"."criteria"),
	CONSTRAINT "priority_rule_sets_version_ck" CHECK ("priority_rule_sets"."version" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "priority_rule_sets_code_version_from_uq" ON "priority_rule_sets" USING btree ("code","version","valid_from");--> statement-breakpoint
-- The two rule sets known when this table was made (ADR 0018; sources as DOMAIN.md gives them).
-- The rules before 1 April 2024 are one set (code 'before-2024', version 1) with two validity
-- periods, one row each: until 31 March 2024, and again since the Constitutional Court annulled
-- the rules of 1 April 2024 (judgment nr. 72/2025 of 30 April 2025). Its first period starts with
-- the decree on childcare of babies and toddlers (1 April 2014). The vulnerable-family rule follows
-- the providers' reading (at least one of characteristics 3-5); a different reading is a new version.
INSERT INTO "priority_rule_sets" ("code", "version", "name", "source_reference", "source_url", "valid_from", "valid_until", "criteria", "absolute_criteria", "vulnerable_characteristics", "vulnerable_minimum", "vulnerable_required_among", "reserved_share_percent", "deviation_share_percent") VALUES
('before-2024', 1,
  '{"nl": "Voorrangsregels van vóór 1 april 2024", "fr": "Règles de priorité d''avant le 1er avril 2024", "en": "Priority rules before 1 April 2024"}',
  'Voorrangsregels voor kinderopvang met inkomenstarief zoals van kracht vóór 1 april 2024; opnieuw van toepassing sinds het arrest nr. 72/2025 van het Grondwettelijk Hof van 30 april 2025 (Opgroeien, nieuwsbericht van 12 mei 2025)',
  'https://www.opgroeien.be/over-opgroeien/nieuws-en-pers/grondwettelijk-hof-vernietigt-voorrangsregels-voor-kinderopvang',
  '2014-04-01', '2024-03-31',
  '{needsCareForWork,singleParent,lowIncome,fosterChild,siblingsInCare}', '{needsCareForWork}',
  '{needsCareForWork,singleParent,lowIncome,disabilityOrSocialReason,noSecondaryDiploma}', 2,
  '{lowIncome,disabilityOrSocialReason,noSecondaryDiploma}', 20, NULL),
('before-2024', 1,
  '{"nl": "Voorrangsregels van vóór 1 april 2024", "fr": "Règles de priorité d''avant le 1er avril 2024", "en": "Priority rules before 1 April 2024"}',
  'Voorrangsregels voor kinderopvang met inkomenstarief zoals van kracht vóór 1 april 2024; opnieuw van toepassing sinds het arrest nr. 72/2025 van het Grondwettelijk Hof van 30 april 2025 (Opgroeien, nieuwsbericht van 12 mei 2025)',
  'https://www.opgroeien.be/over-opgroeien/nieuws-en-pers/grondwettelijk-hof-vernietigt-voorrangsregels-voor-kinderopvang',
  '2025-04-30', NULL,
  '{needsCareForWork,singleParent,lowIncome,fosterChild,siblingsInCare}', '{needsCareForWork}',
  '{needsCareForWork,singleParent,lowIncome,disabilityOrSocialReason,noSecondaryDiploma}', 2,
  '{lowIncome,disabilityOrSocialReason,noSecondaryDiploma}', 20, NULL),
-- The annulled set: absolute priority for work or job-oriented training of at least 4/5, siblings
-- present at the same time and foster children; a 10% deviation with advice. Its vulnerable-family
-- rule is the one the product applied until now (at least one of characteristics 1-3): to verify.
('april-2024', 1,
  '{"nl": "Voorrangsregels van 1 april 2024 (vernietigd)", "fr": "Règles de priorité du 1er avril 2024 (annulées)", "en": "Priority rules of 1 April 2024 (annulled)"}',
  'Voorrangsregels voor kinderopvang met inkomenstarief van kracht sinds 1 april 2024, vernietigd door het Grondwettelijk Hof, arrest nr. 72/2025 van 30 april 2025',
  'https://www.const-court.be/public/n/2025/2025-072n.pdf',
  '2024-04-01', '2025-04-29',
  '{worksFourFifths,siblingsInCare,fosterChild}', '{worksFourFifths,siblingsInCare,fosterChild}',
  '{needsCareForWork,singleParent,lowIncome,disabilityOrSocialReason,noSecondaryDiploma}', 2,
  '{needsCareForWork,singleParent,lowIncome}', 20, 10);
