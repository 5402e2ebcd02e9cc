## Runs R surveillance's detectors on series written by the TypeScript benchmark, with the same
## settings as the shared reference run (shared/tools/noufaily_sim.R), and times each method.
## Times are CPU seconds (user + system), so a busy shared machine distorts them less than wall time.
## Usage: Rscript r-detectors.R SERIES.csv FIRST_WEEK RESULTS.csv TIMINGS.csv
## SERIES.csv: columns series, week (1-based), y.  Output: series, method, week, upperbound, alarm.
suppressPackageStartupMessages(library(surveillance))
args <- commandArgs(TRUE)
input <- read.csv(args[1])
first <- as.integer(args[2])
con_far <- list(noPeriods = 1, b = 5, w = 3, weightsThreshold = 1, reweight = TRUE,
                pastWeeksNotIncluded = 3, trend = TRUE, pThresholdTrend = 0.05, alpha = 0.005,
                thresholdMethod = "delta", powertrans = "2/3", limit54 = c(5, 4), glmWarnings = FALSE)
con_nou <- list(noPeriods = 10, b = 5, w = 3, weightsThreshold = 2.58, reweight = TRUE,
                pastWeeksNotIncluded = 26, trend = TRUE, pThresholdTrend = 1, alpha = 0.005,
                thresholdMethod = "nbPlugin", powertrans = "2/3", limit54 = c(5, 4), glmWarnings = FALSE)
methods <- c("farrington", "noufaily", "earsC1", "earsC2", "earsC3", "glrnb")
elapsed <- setNames(numeric(length(methods)), methods)
out <- list()
for (id in unique(input$series)) {
  d <- input[input$series == id, ]
  y <- d$y[order(d$week)]
  rng <- first:length(y)
  s <- sts(observed = y, start = c(2000, 1), frequency = 52)
  for (M in methods) {
    t0 <- sum(proc.time()[c("user.self", "sys.self")])
    r <- switch(M,
      farrington = { f <- suppressWarnings(farringtonFlexible(s, c(list(range = rng), con_far))); cbind(upperbound(f)[, 1], alarms(f)[, 1]) },
      noufaily = { f <- suppressWarnings(farringtonFlexible(s, c(list(range = rng), con_nou))); cbind(upperbound(f)[, 1], alarms(f)[, 1]) },
      glrnb = {
        g <- tryCatch(suppressWarnings(suppressMessages(glrnb(s, control = list(range = rng, c.ARL = 5,
               mu0 = list(S = 1, trend = TRUE, refit = FALSE), alpha = NULL, change = "intercept", ret = "value", dir = "inc")))),
               error = function(e) NULL)
        if (is.null(g)) cbind(rep(NA, length(rng)), rep(NA, length(rng))) else cbind(upperbound(g)[, 1], alarms(g)[, 1])
      },
      { e <- earsC(s, control = list(range = rng, method = sub("ears", "", M), baseline = 7)); cbind(upperbound(e)[, 1], alarms(e)[, 1]) })
    elapsed[M] <- elapsed[M] + sum(proc.time()[c("user.self", "sys.self")]) - t0
    out[[length(out) + 1]] <- data.frame(series = id, method = M, week = rng, upperbound = signif(r[, 1], 10), alarm = as.integer(r[, 2]))
  }
}
write.csv(do.call(rbind, out), args[3], row.names = FALSE)
write.csv(data.frame(method = methods, seconds = as.numeric(elapsed), series = length(unique(input$series))), args[4], row.names = FALSE)
