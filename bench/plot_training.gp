# SPDX-License-Identifier: GPL-3.0-or-later
# The paper's Figure 2 from a NoteForge metrics CSV: loss and accuracy against epoch, training and (unlike the paper)
# held-out validation. Per-epoch rows only (the step column is empty on them).
#   gnuplot -e "csv='metrics.csv'; out='training.png'" bench/plot_training.gp
if (!exists("csv")) csv = "metrics.csv"
if (!exists("out")) out = "training.png"
if (!exists("title")) title = csv

set terminal pngcairo size 1100,450 font "Sans,10"
set output out
set datafile separator ","
set multiplot layout 1,2 title title
# Per-epoch rows have an empty step column; step rows would break the lines.
rows = "< grep -E '^[0-9]+,,' '" . csv . "'"

set title "Loss (cross-entropy, nats per token)"
set xlabel "epoch"
set ylabel "loss"
set grid
plot rows using 1:4 with linespoints pt 7 ps 0.5 title "training", \
     rows using 1:6 with linespoints pt 7 ps 0.5 title "validation"

set title "Accuracy (next token, top 1)"
set ylabel "accuracy"
set yrange [0:1]
set key bottom right
plot rows using 1:5 with linespoints pt 7 ps 0.5 title "training", \
     rows using 1:7 with linespoints pt 7 ps 0.5 title "validation"
unset multiplot
