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
CREATE INDEX `responses_device_completed_idx` ON `responses` (`device_id`,`completed_at`) WHERE "responses"."device_id" IS NOT NULL;