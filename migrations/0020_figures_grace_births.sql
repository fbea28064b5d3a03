CREATE TABLE "municipality_births" (
	"municipality_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"births" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "municipality_births_municipality_id_year_pk" PRIMARY KEY("municipality_id","year"),
	CONSTRAINT "municipality_births_births_ck" CHECK ("municipality_births"."births" >= 0)
);
--> statement-breakpoint
ALTER TABLE "municipalities" ADD COLUMN "unanswered_grace_days" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "municipality_births" ADD CONSTRAINT "municipality_births_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;