// Control-chart constants for subgroups of size n, from their closed forms rather than the
// printed tables, so every subgroup size is exact (Montgomery, Introduction to Statistical
// Quality Control, 8th ed., appendix VI and section 6.3; qicharts2 0.8.1 R/helper.functions.R
// computes the same expressions). Pure functions; safe from any thread.
#ifndef KAIZEN_SPC_SUBGROUP_CONSTANTS_H_
#define KAIZEN_SPC_SUBGROUP_CONSTANTS_H_

namespace kaizen::spc {

// c4(n) = √(2/(n−1))·Γ(n/2)/Γ((n−1)/2): E[s] = c4(n)·σ for normal data. NaN for n < 2 (a
// subgroup of one has no standard deviation) and for non-finite n.
double C4(double n);

// A3(n) = 3/(c4(n)·√n): x̄̄ ± A3(n)·s̄ are the 3-sigma limits of an xbar chart. NaN for n < 2.
double A3(double n);

// B3(n) = max(0, 1 − 3·√(1 − c4²)/c4) and B4(n) = 1 + 3·√(1 − c4²)/c4: B3·s̄ and B4·s̄ are the
// 3-sigma limits of an s chart. NaN for n < 2.
double B3(double n);
double B4(double n);

// √(1 − c4(n)²)/c4(n): the standard deviation of s in units of its mean, so the k-sigma lines of
// an s chart are s̄·(1 ± k·SigmaOfSOverMean(n)) (B3 and B4 are k = 3). NaN for n < 2.
double SigmaOfSOverMean(double n);

}  // namespace kaizen::spc

#endif  // KAIZEN_SPC_SUBGROUP_CONSTANTS_H_
