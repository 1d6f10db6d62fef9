CREATE INDEX "audit_events_account_id" ON "audit_events" USING btree ("account_id","id");--> statement-breakpoint
CREATE INDEX "audit_events_account_actor_id" ON "audit_events" USING btree ("account_id","actor","id");--> statement-breakpoint
CREATE INDEX "audit_events_account_action_id" ON "audit_events" USING btree ("account_id","action","id");--> statement-breakpoint
CREATE INDEX "audit_events_account_agency_id" ON "audit_events" USING btree ("account_id","agency_name","id");--> statement-breakpoint
CREATE INDEX "audit_events_account_decision_id" ON "audit_events" USING btree ("account_id","decision","id");