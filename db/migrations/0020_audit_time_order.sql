CREATE INDEX "audit_events_account_at_id" ON "audit_events" USING btree ("account_id","at","id");--> statement-breakpoint
CREATE INDEX "audit_events_account_actor_at_id" ON "audit_events" USING btree ("account_id","actor","at","id");--> statement-breakpoint
CREATE INDEX "audit_events_account_action_at_id" ON "audit_events" USING btree ("account_id","action","at","id");--> statement-breakpoint
CREATE INDEX "audit_events_account_agency_at_id" ON "audit_events" USING btree ("account_id","agency_name","at","id");--> statement-breakpoint
CREATE INDEX "audit_events_account_decision_at_id" ON "audit_events" USING btree ("account_id","decision","at","id");--> statement-breakpoint
DROP INDEX "audit_events_account_at";--> statement-breakpoint
DROP INDEX "audit_events_account_id";--> statement-breakpoint
DROP INDEX "audit_events_account_actor_id";--> statement-breakpoint
DROP INDEX "audit_events_account_action_id";--> statement-breakpoint
DROP INDEX "audit_events_account_agency_id";--> statement-breakpoint
DROP INDEX "audit_events_account_decision_id";
