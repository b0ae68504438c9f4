-- Rollup tables are WITHOUT ROWID (written by hand: drizzle-kit cannot express it): the primary
-- key is the table, so every dashboard read is a covering range scan and an insert maintains one
-- b-tree per tier instead of two.
CREATE TABLE `alerts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`dedupe_key` text NOT NULL,
	`unit_id` integer NOT NULL,
	`point_id` integer,
	`case_id` integer,
	`details` text NOT NULL,
	`raised_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`point_id`) REFERENCES `service_points`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `alerts_dedupe_key_unique` ON `alerts` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `alerts_raised_idx` ON `alerts` (`raised_at`);--> statement-breakpoint
CREATE TABLE `case_contacts` (
	`case_id` integer PRIMARY KEY NOT NULL,
	`name` text,
	`phone` text,
	`email` text,
	`consent_text` text NOT NULL,
	`consented_at` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `case_notes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`author_id` integer,
	`author` text NOT NULL,
	`body` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_notes_case_idx` ON `case_notes` (`case_id`,`at`);--> statement-breakpoint
CREATE TABLE `cases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`response_id` text NOT NULL,
	`unit_id` integer NOT NULL,
	`point_id` integer NOT NULL,
	`reasons` text NOT NULL,
	`status` text DEFAULT 'new' NOT NULL,
	`opened_at` integer NOT NULL,
	`due_at` integer NOT NULL,
	`assignee_id` integer,
	`public_reply` text,
	`closed_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`point_id`) REFERENCES `service_points`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignee_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cases_code_unique` ON `cases` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `cases_response_id_unique` ON `cases` (`response_id`);--> statement-breakpoint
CREATE INDEX `cases_unit_status_idx` ON `cases` (`unit_id`,`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `cases_opened_idx` ON `cases` (`opened_at`);--> statement-breakpoint
CREATE TABLE `devices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`point_id` integer NOT NULL,
	`name` text NOT NULL,
	`credential_hash` text,
	`pairing_token_hash` text,
	`pairing_expires_at` integer,
	`paired_at` integer,
	`pin_hash` text,
	`revoked_at` integer,
	`last_seen_at` integer,
	`app_version` text,
	`queue_length` integer,
	`last_error` text,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`point_id`) REFERENCES `service_points`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `devices_credential_hash_unique` ON `devices` (`credential_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `devices_pairing_token_hash_unique` ON `devices` (`pairing_token_hash`);--> statement-breakpoint
CREATE INDEX `devices_point_idx` ON `devices` (`point_id`);--> statement-breakpoint
CREATE TABLE `rollup_activity_day` (
	`survey_version_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`point_id` integer NOT NULL,
	`channel` text NOT NULL,
	`procedure_id` integer NOT NULL,
	`repeat` integer NOT NULL,
	`day` text NOT NULL,
	`hour` integer NOT NULL,
	`responses` integer NOT NULL,
	`answers` integer NOT NULL,
	`satisfied` integer NOT NULL,
	PRIMARY KEY(`survey_version_id`, `unit_id`, `point_id`, `day`, `hour`, `channel`, `procedure_id`, `repeat`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `rollup_activity_month` (
	`survey_version_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`point_id` integer NOT NULL,
	`channel` text NOT NULL,
	`procedure_id` integer NOT NULL,
	`repeat` integer NOT NULL,
	`month` text NOT NULL,
	`responses` integer NOT NULL,
	`answers` integer NOT NULL,
	`satisfied` integer NOT NULL,
	PRIMARY KEY(`survey_version_id`, `unit_id`, `point_id`, `month`, `channel`, `procedure_id`, `repeat`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `rollup_answers_day` (
	`survey_version_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`point_id` integer NOT NULL,
	`channel` text NOT NULL,
	`procedure_id` integer NOT NULL,
	`repeat` integer NOT NULL,
	`day` text NOT NULL,
	`question` text NOT NULL,
	`value` integer NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`survey_version_id`, `unit_id`, `point_id`, `day`, `channel`, `procedure_id`, `repeat`, `question`, `value`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `rollup_answers_month` (
	`survey_version_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`point_id` integer NOT NULL,
	`channel` text NOT NULL,
	`procedure_id` integer NOT NULL,
	`repeat` integer NOT NULL,
	`month` text NOT NULL,
	`question` text NOT NULL,
	`value` integer NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`survey_version_id`, `unit_id`, `point_id`, `month`, `channel`, `procedure_id`, `repeat`, `question`, `value`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `rollup_answers_unit_day` (
	`survey_version_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`day` text NOT NULL,
	`repeat` integer NOT NULL,
	`question` text NOT NULL,
	`value` integer NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`survey_version_id`, `unit_id`, `day`, `repeat`, `question`, `value`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `rollup_answers_unit_month` (
	`survey_version_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`month` text NOT NULL,
	`repeat` integer NOT NULL,
	`question` text NOT NULL,
	`value` integer NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`survey_version_id`, `unit_id`, `month`, `repeat`, `question`, `value`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `rollup_hours_month` (
	`survey_version_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`month` text NOT NULL,
	`weekday` integer NOT NULL,
	`hour` integer NOT NULL,
	`repeat` integer NOT NULL,
	`responses` integer NOT NULL,
	`answers` integer NOT NULL,
	`satisfied` integer NOT NULL,
	PRIMARY KEY(`survey_version_id`, `unit_id`, `month`, `weekday`, `hour`, `repeat`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `webhook_deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`event` text NOT NULL,
	`url` text NOT NULL,
	`payload` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_status_code` integer,
	`last_error` text,
	`created_at` integer NOT NULL,
	`delivered_at` integer
);
--> statement-breakpoint
CREATE INDEX `webhook_deliveries_due_idx` ON `webhook_deliveries` (`status`,`next_attempt_at`);--> statement-breakpoint
ALTER TABLE `responses` ADD `operator_id` integer;--> statement-breakpoint
CREATE INDEX `responses_device_completed_idx` ON `responses` (`device_id`,`completed_at`) WHERE "responses"."device_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `responses_comment_idx` ON `responses` (`completed_at`) WHERE json_extract(answers, '$.comment') IS NOT NULL;