CREATE TABLE "sign_in_failures" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account_name" text NOT NULL,
	"address" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "sign_in_failures_account_at" ON "sign_in_failures" USING btree ("account_name","at");--> statement-breakpoint
CREATE INDEX "sign_in_failures_address_at" ON "sign_in_failures" USING btree ("address","at");