# Reference decompositions for the Java STL, from R's own stats::stl (R 4.2.2 on Debian 12:
# apt-get install -y r-base-core).
#
#   cd stream-processor/detection && Rscript src/test/r/make-stl-fixtures.R
#
# Writes src/test/resources/stl/<case>.csv (x, seasonal, trend, remainder, full precision, and
# `injected`: 1 where a spike was added, 2 where a level shift starts, else 0) and the
# index src/test/resources/stl/fixtures-r.csv with the parameters R actually used (stl()'s $win,
# $deg, $jump, $inner, $outer), so the Java test needs no R. Deterministic (set.seed); rerunning
# reproduces the files byte for byte. Robust cases are also recomputed by statsmodels, see
# src/test/python/make_stl_statsmodels_fixtures.py.

out_dir <- "src/test/resources/stl"
dir.create(out_dir, showWarnings = FALSE, recursive = TRUE)

full <- function(v) sprintf("%.17g", v)

# Memory in MiB at 30-minute (period 48) or 5-minute (period 288) steps: a slow leak, a daily
# swing with an office-hours bump, Gaussian noise and a few upward spikes (allocation bursts).
memory_series <- function(days, per_day, seed) {
  set.seed(seed)
  n <- days * per_day
  t <- 0:(n - 1)
  day_fraction <- (t %% per_day) / per_day
  leak <- 12 * t / per_day
  swing <- 250 * sin(2 * pi * day_fraction) + 80 * pmax(0, sin(2 * pi * (day_fraction - 0.3)))^4
  x <- 1800 + leak + swing + rnorm(n, sd = 6)
  spikes <- sort(sample(seq(per_day, n - per_day), 5))
  x[spikes] <- x[spikes] + 120
  injected <- integer(n)
  injected[spikes] <- 1L
  list(x = ts(x, frequency = per_day), injected = injected)
}

# A level shift of +300 MiB (a cache filled at once) and spikes both ways on a daily swing.
step_series <- function(seed) {
  set.seed(seed)
  per_day <- 48
  n <- 10 * per_day
  t <- 0:(n - 1)
  x <- 1200 + 150 * sin(2 * pi * t / per_day) + rnorm(n, sd = 5)
  x[t >= 250] <- x[t >= 250] + 300
  spikes <- c(60, 131, 200, 305, 377, 420, 455, 470)
  x[spikes] <- x[spikes] + c(90, -70, 110, 80, -95, 100, 75, -60)
  injected <- integer(n)
  injected[spikes] <- 1L
  injected[251] <- 2L
  list(x = ts(x, frequency = per_day), injected = injected)
}

series <- list(
  co2 = list(x = co2, injected = integer(length(co2))),
  nottem = list(x = nottem, injected = integer(length(nottem))),
  memory48 = memory_series(14, 48, 20240304),
  memory288 = memory_series(7, 288, 20240305),
  step48 = step_series(20240306)
)

# name, series, the stl() arguments beyond x, and whether those are R's defaults given the period
# and s.window (the Java test checks StlSettings reproduces such parameters on its own).
cases <- list(
  list("co2-default", "co2", list(s.window = 7), TRUE),
  list("co2-jump1", "co2", list(s.window = 7, s.jump = 1, t.jump = 1, l.jump = 1), FALSE),
  list("co2-periodic", "co2", list(s.window = "periodic"), TRUE),
  list("co2-robust", "co2", list(s.window = 7, robust = TRUE), FALSE),
  list("nottem-degree1", "nottem", list(s.window = 11, s.degree = 1), FALSE),
  list("nottem-degree0", "nottem", list(s.window = 9, t.degree = 0), FALSE),
  list("nottem-periodic", "nottem", list(s.window = "periodic"), TRUE),
  list("memory48-default", "memory48", list(s.window = 7), TRUE),
  list("memory48-periodic", "memory48", list(s.window = "periodic"), TRUE),
  list("memory48-robust", "memory48", list(s.window = 7, robust = TRUE), FALSE),
  list("memory288-default", "memory288", list(s.window = 7), TRUE),
  list("memory288-robust", "memory288", list(s.window = 7, robust = TRUE), FALSE),
  list("step48-degree1", "step48", list(s.window = 13, s.degree = 1), FALSE),
  list("step48-jump1", "step48", list(s.window = 13, s.jump = 1, t.jump = 1, l.jump = 1), FALSE),
  list("step48-robust", "step48", list(s.window = 13, robust = TRUE), FALSE)
)

index <- NULL
for (case in cases) {
  name <- case[[1]]
  x <- series[[case[[2]]]]$x
  args <- case[[3]]
  fit <- do.call(stl, c(list(x = x), args))
  components <- fit$time.series
  write.csv(
    data.frame(
      x = full(as.vector(x)),
      seasonal = full(as.vector(components[, "seasonal"])),
      trend = full(as.vector(components[, "trend"])),
      remainder = full(as.vector(components[, "remainder"])),
      injected = series[[case[[2]]]]$injected
    ),
    file.path(out_dir, paste0(name, ".csv")),
    row.names = FALSE, quote = FALSE
  )
  index <- rbind(index, data.frame(
    name = name, source = "R", series = case[[2]], n = length(x), period = frequency(x),
    s_window = fit$win[["s"]], s_degree = fit$deg[["s"]], s_jump = fit$jump[["s"]],
    t_window = fit$win[["t"]], t_degree = fit$deg[["t"]], t_jump = fit$jump[["t"]],
    l_window = fit$win[["l"]], l_degree = fit$deg[["l"]], l_jump = fit$jump[["l"]],
    inner = fit$inner, outer = fit$outer,
    periodic = identical(args$s.window, "periodic"),
    r_defaults = case[[4]]
  ))
}
write.csv(index, file.path(out_dir, "fixtures-r.csv"), row.names = FALSE, quote = FALSE)
cat(R.version.string, "\n")
