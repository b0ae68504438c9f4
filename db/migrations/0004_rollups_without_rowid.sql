-- Rollup tables WITHOUT ROWID: the primary key is the table, so every dashboard read is a
-- covering range scan and the insert path maintains one b-tree per tier instead of two.
-- drizzle-kit cannot express WITHOUT ROWID; the tables are empty here, so drop and recreate.
DROP TABLE `rollup_activity_day`;
--> statement-breakpoint
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
DROP TABLE `rollup_activity_month`;
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
DROP TABLE `rollup_answers_day`;
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
DROP TABLE `rollup_answers_month`;
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
DROP TABLE `rollup_answers_unit_day`;
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
DROP TABLE `rollup_answers_unit_month`;
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
DROP TABLE `rollup_hours_month`;
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
