CREATE TABLE `summary_recipients` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`unit_id` integer,
	`monthly` integer DEFAULT true NOT NULL,
	`quarterly` integer DEFAULT true NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `summary_sends` (
	`recipient_id` integer NOT NULL,
	`period` text NOT NULL,
	`sent_at` integer NOT NULL,
	PRIMARY KEY(`recipient_id`, `period`),
	FOREIGN KEY (`recipient_id`) REFERENCES `summary_recipients`(`id`) ON UPDATE no action ON DELETE no action
);
