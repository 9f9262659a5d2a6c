-- Requests that the page cache cannot answer, as when every family asks about a
-- different person: a random DOC ID (their page, or a search for it), or a surname
-- with a unique extra parameter. BENCH_VARIED=person|doc|search; BENCH_FIRST_DOC_ID
-- and BENCH_PEOPLE pick the range.
local kind = os.getenv("BENCH_VARIED") or "person"
local first = tonumber(os.getenv("BENCH_FIRST_DOC_ID") or "1000001")
local count = tonumber(os.getenv("BENCH_PEOPLE") or "1000") - 1
local names = {"garcia", "smith", "johnson", "williams", "brown", "martinez", "obrien",
               "delacruz", "nguyen", "kal", "morberg", "vandez", "hill", "wright", "zel"}
local n = 0
local threads = 0

setup = function(thread)
  threads = threads + 1
  thread:set("id", threads)
end

init = function(args)
  math.randomseed(os.time() * 100 + id)
end

request = function()
  n = n + 1
  local path
  if kind == "person" then
    path = string.format("/people/%d/", first + math.random(0, count - 1))
  elseif kind == "doc" then
    path = string.format("/people/?q=%d", first + math.random(0, count - 1))
  else
    path = string.format("/people/?q=%s&n=%d-%d", names[math.random(#names)], id, n)
  end
  return wrk.format(nil, path)
end
