CREATE TABLE "api_credentials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"role_session_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"access_key_id" text,
	"secret_ciphertext" text,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "api_credentials_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "api_credentials_access_key_id_unique" UNIQUE("access_key_id")
);
--> statement-breakpoint
ALTER TABLE "role_sessions" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "api_credentials" ADD CONSTRAINT "api_credentials_role_session_id_role_sessions_id_fk" FOREIGN KEY ("role_session_id") REFERENCES "role_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_credentials_session" ON "api_credentials" USING btree ("role_session_id");