CREATE TABLE "favourite_roles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"principal_account_id" uuid NOT NULL,
	"principal_user_id" uuid,
	"account_name" text NOT NULL,
	"agency_name" text NOT NULL,
	"display_name" text NOT NULL,
	"colour" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "favourite_roles_principal_role" UNIQUE NULLS NOT DISTINCT("principal_account_id","principal_user_id","account_name","agency_name")
);
--> statement-breakpoint
CREATE TABLE "notification_reads" (
	"principal_account_id" uuid NOT NULL,
	"principal_user_id" uuid,
	"last_read_id" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "notification_reads_principal" UNIQUE NULLS NOT DISTINCT("principal_account_id","principal_user_id")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"from_account_name" text NOT NULL,
	"subject" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "favourite_roles" ADD CONSTRAINT "favourite_roles_principal_account_id_accounts_id_fk" FOREIGN KEY ("principal_account_id") REFERENCES "accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "favourite_roles" ADD CONSTRAINT "favourite_roles_principal_user_id_users_id_fk" FOREIGN KEY ("principal_user_id") REFERENCES "users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_reads" ADD CONSTRAINT "notification_reads_principal_account_id_accounts_id_fk" FOREIGN KEY ("principal_account_id") REFERENCES "accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_reads" ADD CONSTRAINT "notification_reads_principal_user_id_users_id_fk" FOREIGN KEY ("principal_user_id") REFERENCES "users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_account_id" ON "notifications" USING btree ("account_id","id");