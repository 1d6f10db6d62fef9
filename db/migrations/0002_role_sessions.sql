CREATE TABLE "recent_roles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"principal_account_id" uuid NOT NULL,
	"principal_user_id" uuid,
	"account_name" text NOT NULL,
	"agency_name" text NOT NULL,
	"last_used_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recent_roles_principal_role" UNIQUE NULLS NOT DISTINCT("principal_account_id","principal_user_id","account_name","agency_name")
);
--> statement-breakpoint
CREATE TABLE "role_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid,
	"agency_name" text NOT NULL,
	"account_id" uuid NOT NULL,
	"principal_account_id" uuid NOT NULL,
	"principal_user_id" uuid,
	"login_id" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_reason" text
);
--> statement-breakpoint
ALTER TABLE "recent_roles" ADD CONSTRAINT "recent_roles_principal_account_id_accounts_id_fk" FOREIGN KEY ("principal_account_id") REFERENCES "accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recent_roles" ADD CONSTRAINT "recent_roles_principal_user_id_users_id_fk" FOREIGN KEY ("principal_user_id") REFERENCES "users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_sessions" ADD CONSTRAINT "role_sessions_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "agencies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_sessions" ADD CONSTRAINT "role_sessions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_sessions" ADD CONSTRAINT "role_sessions_principal_account_id_accounts_id_fk" FOREIGN KEY ("principal_account_id") REFERENCES "accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_sessions" ADD CONSTRAINT "role_sessions_principal_user_id_users_id_fk" FOREIGN KEY ("principal_user_id") REFERENCES "users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "recent_roles_principal_used" ON "recent_roles" USING btree ("principal_account_id","principal_user_id","last_used_at");--> statement-breakpoint
CREATE INDEX "role_sessions_agency" ON "role_sessions" USING btree ("agency_id","ended_at");--> statement-breakpoint
CREATE INDEX "role_sessions_principal" ON "role_sessions" USING btree ("principal_account_id","principal_user_id");