CREATE TABLE "api_nonces" (
	"access_key_id" text NOT NULL,
	"nonce" text NOT NULL,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "api_nonces_access_key_id_nonce_pk" PRIMARY KEY("access_key_id","nonce")
);
--> statement-breakpoint
CREATE INDEX "api_nonces_seen" ON "api_nonces" USING btree ("seen_at");