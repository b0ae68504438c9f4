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
CREATE INDEX `cases_opened_idx` ON `cases` (`opened_at`);