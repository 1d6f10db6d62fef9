CREATE TABLE "delegated_admins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"directory_id" uuid NOT NULL,
	"service_principal" text NOT NULL,
	"account_id" uuid NOT NULL,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "delegated_admins_service_account" UNIQUE("directory_id","service_principal","account_id")
);
--> statement-breakpoint
CREATE TABLE "rd_folders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"directory_id" uuid NOT NULL,
	"parent_id" uuid,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rd_folders_parent_name" UNIQUE NULLS NOT DISTINCT("directory_id","parent_id","name")
);
--> statement-breakpoint
CREATE TABLE "rd_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"directory_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"responded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "rd_members" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"directory_id" uuid NOT NULL,
	"folder_id" uuid NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resource_directories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"management_account_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resource_directories_management_account_id_unique" UNIQUE("management_account_id")
);
--> statement-breakpoint
CREATE TABLE "trusted_access" (
	"directory_id" uuid NOT NULL,
	"service_principal" text NOT NULL,
	"enabled_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trusted_access_directory_id_service_principal_pk" PRIMARY KEY("directory_id","service_principal")
);
--> statement-breakpoint
CREATE TABLE "trusted_services" (
	"principal" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"max_delegated_admins" integer
);
--> statement-breakpoint
ALTER TABLE "delegated_admins" ADD CONSTRAINT "delegated_admins_directory_id_resource_directories_id_fk" FOREIGN KEY ("directory_id") REFERENCES "resource_directories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegated_admins" ADD CONSTRAINT "delegated_admins_service_principal_trusted_services_principal_fk" FOREIGN KEY ("service_principal") REFERENCES "trusted_services"("principal") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegated_admins" ADD CONSTRAINT "delegated_admins_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rd_folders" ADD CONSTRAINT "rd_folders_directory_id_resource_directories_id_fk" FOREIGN KEY ("directory_id") REFERENCES "resource_directories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rd_folders" ADD CONSTRAINT "rd_folders_parent_id_rd_folders_id_fk" FOREIGN KEY ("parent_id") REFERENCES "rd_folders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rd_invitations" ADD CONSTRAINT "rd_invitations_directory_id_resource_directories_id_fk" FOREIGN KEY ("directory_id") REFERENCES "resource_directories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rd_invitations" ADD CONSTRAINT "rd_invitations_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rd_members" ADD CONSTRAINT "rd_members_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rd_members" ADD CONSTRAINT "rd_members_directory_id_resource_directories_id_fk" FOREIGN KEY ("directory_id") REFERENCES "resource_directories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rd_members" ADD CONSTRAINT "rd_members_folder_id_rd_folders_id_fk" FOREIGN KEY ("folder_id") REFERENCES "rd_folders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_directories" ADD CONSTRAINT "resource_directories_management_account_id_accounts_id_fk" FOREIGN KEY ("management_account_id") REFERENCES "accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trusted_access" ADD CONSTRAINT "trusted_access_directory_id_resource_directories_id_fk" FOREIGN KEY ("directory_id") REFERENCES "resource_directories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trusted_access" ADD CONSTRAINT "trusted_access_service_principal_trusted_services_principal_fk" FOREIGN KEY ("service_principal") REFERENCES "trusted_services"("principal") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "delegated_admins_account" ON "delegated_admins" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "rd_folders_parent" ON "rd_folders" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "rd_invitations_account" ON "rd_invitations" USING btree ("account_id","status");--> statement-breakpoint
CREATE INDEX "rd_members_directory" ON "rd_members" USING btree ("directory_id","folder_id");