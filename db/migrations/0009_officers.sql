CREATE TABLE `officers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`name` text NOT NULL,
	`title` text,
	`photo` text,
	`active` integer DEFAULT true NOT NULL,
	`user_id` integer,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `officers_user_id_unique` ON `officers` (`user_id`);--> statement-breakpoint
CREATE INDEX `officers_unit_idx` ON `officers` (`unit_id`);--> statement-breakpoint
ALTER TABLE `devices` ADD `shift_officer_id` integer REFERENCES officers(id);--> statement-breakpoint
ALTER TABLE `devices` ADD `shift_from` integer;--> statement-breakpoint
ALTER TABLE `devices` ADD `shift_until` integer;--> statement-breakpoint
ALTER TABLE `responses` ADD `officer_id` integer;--> statement-breakpoint
CREATE INDEX `responses_officer_completed_idx` ON `responses` (`officer_id`,`completed_at`) WHERE "responses"."officer_id" IS NOT NULL;