-- WITHOUT ROWID written by hand, as in 0003: the primary key is the table, so every read of a
-- tier is a covering range scan (docs/decisions/0004-rollup-tiers.md).
CREATE TABLE `rollup_answers_channel_day` (
	`survey_version_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`channel` text NOT NULL,
	`day` text NOT NULL,
	`repeat` integer NOT NULL,
	`question` text NOT NULL,
	`value` integer NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`survey_version_id`, `unit_id`, `channel`, `day`, `repeat`, `question`, `value`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `rollup_answers_channel_month` (
	`survey_version_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`channel` text NOT NULL,
	`month` text NOT NULL,
	`repeat` integer NOT NULL,
	`question` text NOT NULL,
	`value` integer NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`survey_version_id`, `unit_id`, `channel`, `month`, `repeat`, `question`, `value`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `rollup_answers_point_day` (
	`survey_version_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`point_id` integer NOT NULL,
	`day` text NOT NULL,
	`repeat` integer NOT NULL,
	`question` text NOT NULL,
	`value` integer NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`survey_version_id`, `unit_id`, `point_id`, `day`, `repeat`, `question`, `value`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `rollup_answers_point_month` (
	`survey_version_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`point_id` integer NOT NULL,
	`month` text NOT NULL,
	`repeat` integer NOT NULL,
	`question` text NOT NULL,
	`value` integer NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`survey_version_id`, `unit_id`, `point_id`, `month`, `repeat`, `question`, `value`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `rollup_answers_procedure_day` (
	`survey_version_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`procedure_id` integer NOT NULL,
	`day` text NOT NULL,
	`repeat` integer NOT NULL,
	`question` text NOT NULL,
	`value` integer NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`survey_version_id`, `unit_id`, `procedure_id`, `day`, `repeat`, `question`, `value`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `rollup_answers_procedure_month` (
	`survey_version_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`procedure_id` integer NOT NULL,
	`month` text NOT NULL,
	`repeat` integer NOT NULL,
	`question` text NOT NULL,
	`value` integer NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`survey_version_id`, `unit_id`, `procedure_id`, `month`, `repeat`, `question`, `value`)
) WITHOUT ROWID;
