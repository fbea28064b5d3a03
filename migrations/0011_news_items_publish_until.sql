ALTER TABLE "news_items" ADD COLUMN "publish_until" date;--> statement-breakpoint
ALTER TABLE "news_items" ADD COLUMN "updated_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "news_items_municipality_published_idx" ON "news_items" USING btree ("municipality_id","published_at");