/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The training module's binary interface: plain C, so that a module built with another LibTorch, another compiler
 * or another C++ standard-library ABI (a GPU server's LibTorch 2.x with the pre-C++11 string ABI, say) loads safely
 * into a studio built on Debian's. Nothing C++ crosses it: no std::string, no exceptions, no allocation freed on the
 * other side. Strings are UTF-8, owned by whoever passes them and valid only during the call.
 *
 * The host (training/TrainingModule.cpp) dlopen()s libnoteforge-training.so, calls nf_training_module_get() and
 * refuses a table whose abi_version differs from NF_TRAINING_ABI_VERSION. Bump the version for any change of
 * layout or meaning below; adding a member at the end of a struct that carries struct_size is a compatible change
 * only if the reader checks struct_size first.
 *
 * Threads: train() blocks and calls the host's callbacks on the caller's thread; the callbacks must return
 * quickly and must not throw. */
#ifndef NF_TRAINING_MODULE_ABI_H
#define NF_TRAINING_MODULE_ABI_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define NF_TRAINING_ABI_VERSION 10u  /* 10: min_step_rows_per_epoch; 9: exchange_backend (NCCL); 8: the drum GAN's band and primer conditioning; 7: the drums representation's bandOnsets; 6: model.adapter (low-rank adapters) */
#define NF_TRAINING_MODULE_ENTRY "nf_training_module_get"

/* One line of the metrics history (training/TrainingMetrics.h MetricsRow). step < 0: an epoch row; val_* NaN:
 * no validation in this row. */
typedef struct nf_metrics_row {
    int32_t epoch;
    int64_t step;
    double wall_seconds;
    double train_loss;
    double train_accuracy;
    double val_loss;
    double val_accuracy;
    double val_perplexity;
    double tokens_per_second;
    double learning_rate;
    double epoch_seconds;
    double critic_loss; /* since version 4: the drum GAN's critic loss; NaN for other models */
} nf_metrics_row;

typedef struct nf_training_progress {
    int32_t epoch;
    int32_t epochs;
    int64_t step_in_epoch;
    int64_t steps_per_epoch;
    int64_t global_step;
    double loss;
    double accuracy;
    double tokens_per_second;
    double elapsed_seconds;
    double eta_seconds;
    int32_t paused;
} nf_training_progress;

typedef struct nf_training_start {
    const char* device;
    int32_t threads;
    const char* blas;
    const char* torch_version;
    const char* model;
    const char* representation;
    int32_t vocab_size;
    int64_t parameters;
    uint64_t train_pieces;
    uint64_t validation_pieces;
    uint64_t train_tokens;
    uint64_t validation_tokens;
    int64_t steps_per_epoch;
    int32_t first_epoch;
    int32_t epochs;
    const nf_metrics_row* history;
    uint64_t history_count;
} nf_training_start;

/* outcome: 0 finished, 1 stopped, 2 time limit, 3 non-finite loss (TrainingOutcome's order). best_val_loss NaN:
 * none. */
typedef struct nf_training_result {
    int32_t outcome;
    const char* message;
    int32_t epochs_done;
    int64_t steps;
    double best_val_loss;
    int32_t best_epoch;
    const char* model_path;
    const char* checkpoint_path;
    const nf_metrics_row* history;
    uint64_t history_count;
} nf_training_result;

/* One piece of the corpus: its token ids (into the corpus's vocabulary) and where it came from. */
typedef struct nf_training_piece {
    const char* file;
    int32_t tune_number;
    const char* title;
    const int32_t* ids;
    uint64_t id_count;
} nf_training_piece;

typedef struct nf_training_corpus {
    const char* tokenizer_json;        /* TokenizerSettings::toJson() */
    const char* const* vocabulary;     /* the tokens, in index order */
    uint64_t vocabulary_count;
    const nf_training_piece* pieces;
    uint64_t piece_count;
    const char* fingerprint;
    /* Since version 5: a token shard folder (tokenize/TokenShards.h). When set, the module opens it itself and
     * the fields above are ignored: a corpus larger than memory never crosses this interface. */
    const char* shards_path;
} nf_training_corpus;

/* training/Trainer.h TrainerOptions; NULL strings read as empty. */
typedef struct nf_trainer_options {
    const char* model_path;
    const char* checkpoint_path;
    const char* resume_from;
    int32_t force;
    int64_t validate_every_steps;
    const char* data_path;
    int64_t inject_non_finite_at_step;
    const char* init_from; /* since version 3: a model file whose weights start a new run (fine-tuning) */
    /* Since version 5: data-parallel training (training/DistributedEnv.h). world_size <= 1: an ordinary run. */
    int32_t rank;
    int32_t world_size;
    int32_t local_rank;
    const char* master_addr;
    int32_t master_port;
    int32_t agent_store;        /* join the launcher's store as a client */
    int32_t restart_count;      /* the elastic job's attempt */
    double timeout_seconds;     /* for joining and for every exchange */
    int32_t exchange_backend;   /* since version 9: 0 auto, 1 gloo, 2 nccl (training/ExchangeBackend.h) */
    int64_t min_step_rows_per_epoch; /* since version 10 (training/StepRowInterval.h) */
} nf_trainer_options;

/* The host's side of a call. Any callback may be NULL. on_error receives the one-line message of a failure
 * (train() then returns nonzero); on_result the result of a run that did not fail. */
typedef struct nf_training_host {
    uint32_t struct_size;
    void* user;
    void (*on_start)(void* user, const nf_training_start* start);
    void (*on_progress)(void* user, const nf_training_progress* progress);
    void (*on_metrics)(void* user, const nf_metrics_row* row);
    void (*on_message)(void* user, const char* text);
    void (*on_finish)(void* user, const nf_training_result* result);
    int32_t (*pause_requested)(void* user);
    int32_t (*stop_requested)(void* user);
    void (*on_result)(void* user, const nf_training_result* result);
    void (*on_error)(void* user, const char* message);
} nf_training_host;

/* training/TrainBenchmark.h, as plain C. */
typedef struct nf_benchmark_options {
    const char* model;
    int32_t vocab;
    int32_t batch;
    int32_t seq;
    int32_t steps;
    int32_t warmup;
    int32_t threads;
    const char* device;
    const char* lstm_kernel;
    const char* preset; /* since interface 2 */
} nf_benchmark_options;

typedef struct nf_benchmark_result {
    const char* device;
    int32_t threads;
    const char* blas;
    const char* torch_version;
    const char* lstm_kernel;
    const double* step_seconds;
    uint64_t step_count;
    double median_step_seconds;
    double flops_per_step;
    double gflops;
    double sgemm_gflops;
    double tokens_per_second;
} nf_benchmark_result;

typedef struct nf_benchmark_host {
    void* user;
    void (*on_result)(void* user, const nf_benchmark_result* result);
    void (*on_error)(void* user, const char* message);
} nf_benchmark_host;

/* The table the module hands out. Every function returns 0 on success; on failure it has called on_error. */
typedef struct nf_training_module {
    uint32_t abi_version;
    uint32_t struct_size;
    const char* noteforge_version;     /* the NoteForge release the module was built from */
    const char* torch_version;         /* e.g. "1.13.1" */
    const char* build_info;            /* compiler and C++ library ABI, for reports */
    int32_t (*cuda_available)(void);
    int32_t (*train)(const char* config_json, const nf_trainer_options* options, const nf_training_corpus* corpus,
                     const nf_training_host* host);
    int32_t (*benchmark)(const nf_benchmark_options* options, const nf_benchmark_host* host);
    int32_t (*sgemm_gflops)(int32_t n, int32_t repeats, const char* device, double* gflops,
                            const nf_benchmark_host* host);
} nf_training_module;

typedef const nf_training_module* (*nf_training_module_get_fn)(void);

#ifdef __cplusplus
}
#endif

#endif /* NF_TRAINING_MODULE_ABI_H */
