"""`make report`: output/report.html (the corpus drawn) and output/review/<doc>.html (each
document's text with its mentions marked), from the tables in output/."""
