-- wrk script: POST a full SIPAS response (22 criteria + overall) with a fresh UUID each time, to
-- the URL's path, or to /api/responses when the URL names none.
local counter = 0
local names = {
  "q_access_seats", "q_access_equipment_sufficient", "q_access_equipment_modern", "q_access_equipment_easy",
  "q_procedure_posted_full", "q_procedure_posted_accurate", "q_procedure_documents", "q_procedure_fees", "q_procedure_time",
  "q_staff_polite", "q_staff_listened", "q_staff_explained", "q_staff_guided", "q_staff_understandable", "q_staff_rules",
  "q_result_as_regulated", "q_result_complete", "q_result_accurate",
  "q_feedback_channel", "q_feedback_easy", "q_feedback_handled", "q_feedback_reported" }

function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
end

function init(args)
  math.randomseed(os.time() * 1000 + tid)
end

local function hex(n)
  local s = {}
  for i = 1, n do s[i] = string.format("%x", math.random(0, 15)) end
  return table.concat(s)
end

local path = (wrk.path == nil or wrk.path == "/") and "/api/responses" or wrk.path

request = function()
  local id = hex(8) .. "-" .. hex(4) .. "-4" .. hex(3) .. "-a" .. hex(3) .. "-" .. hex(12)
  local parts = {}
  for i, name in ipairs(names) do parts[i] = '"' .. name .. '":' .. math.random(3, 5) end
  local body = '{"id":"' .. id .. '","survey":"sipas","point":"TTHCC-Q01","channel":"qr","answers":{'
    .. table.concat(parts, ",") .. ',"overall":4}}'
  return wrk.format("POST", path, { ["Content-Type"] = "application/json" }, body)
end
