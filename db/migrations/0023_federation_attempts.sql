CREATE TABLE "federation_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"state" text NOT NULL,
	"nonce" text NOT NULL,
	"code_verifier" text NOT NULL,
	"binding_hash" text NOT NULL,
	"provider_id" uuid NOT NULL,
	"redirect_uri" text NOT NULL,
	"return_to" text DEFAULT '/' NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"spent_at" timestamp with time zone,
	CONSTRAINT "federation_attempts_state_unique" UNIQUE("state")
);
--> statement-breakpoint
ALTER TABLE "federation_attempts" ADD CONSTRAINT "federation_attempts_provider_id_identity_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "identity_providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "federation_attempts_address_created" ON "federation_attempts" USING btree ("address","created_at");--> statement-breakpoint
CREATE INDEX "federation_attempts_expires" ON "federation_attempts" USING btree ("expires_at");