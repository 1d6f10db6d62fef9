ALTER TABLE "accounts" DROP CONSTRAINT "accounts_name_unique";--> statement-breakpoint
ALTER TABLE "agencies" DROP CONSTRAINT "agencies_account_name";--> statement-breakpoint
ALTER TABLE "groups" DROP CONSTRAINT "groups_account_name";--> statement-breakpoint
ALTER TABLE "policies" DROP CONSTRAINT "policies_account_name";--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_account_name";--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_name_lower" ON "accounts" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "agencies_account_name_lower" ON "agencies" USING btree ("account_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "groups_account_name_lower" ON "groups" USING btree ("account_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "policies_account_name_lower" ON "policies" USING btree (coalesce("account_id"::text, ''),lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "users_account_name_lower" ON "users" USING btree ("account_id",lower("name"));