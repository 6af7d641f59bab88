;;; emacs-driver.el --- eglot against prr's server, in batch mode  -*- lexical-binding: t -*-
;; Loads Debian's ELPA packages, then the README's Emacs snippet ($PRR_E2E_SNIPPET), opens
;; $PRR_E2E_FILE, connects eglot as the snippet configured it, waits (20 s at most) until the
;; diagnostics the server publishes for that file carry the rule codes $PRR_E2E_EXPECT (sorted,
;; comma-separated; the first push may precede the workspace scan) and writes the last ones
;; to $PRR_E2E_OUT as JSON.
(dolist (dir (file-expand-wildcards "/usr/share/emacs/site-lisp/elpa/*"))
  (add-to-list 'load-path dir))
(require 'json)
(require 'yaml-mode)
(require 'eglot)
(load (getenv "PRR_E2E_SNIPPET") nil t)

(defvar prr-e2e-diagnostics nil "The params of publishDiagnostics for the opened file.")
(defvar prr-e2e-uri nil)
;; eglot would hand them to Flymake; record them on the way.
(advice-add 'eglot-handle-notification :before
            (lambda (_server method &rest params)
              (when (and (eq method 'textDocument/publishDiagnostics)
                         (equal (plist-get params :uri) prr-e2e-uri))
                (setq prr-e2e-diagnostics (plist-get params :diagnostics)))))

(defun prr-e2e-codes ()
  (mapconcat #'identity (sort (mapcar (lambda (d) (format "%s" (plist-get d :code))) prr-e2e-diagnostics) #'string<) ","))

(let ((out (getenv "PRR_E2E_OUT")) (result nil))
  (find-file (getenv "PRR_E2E_FILE"))
  (setq prr-e2e-uri (eglot--path-to-uri (buffer-file-name)))
  (setq result (list :mode (symbol-name major-mode)))
  ;; eglot-ensure waits for a command loop that batch mode lacks: connect as it would.
  (apply #'eglot (eglot--guess-contact))
  (let ((deadline (+ (float-time) 20)))
    (while (and (not (equal (prr-e2e-codes) (getenv "PRR_E2E_EXPECT"))) (< (float-time) deadline))
      (accept-process-output nil 0.05)))
  (setq result (append result (list :server (and (eglot-current-server) (eglot--project-nickname (eglot-current-server)))
                                    :diagnostics (or prr-e2e-diagnostics []))))
  (with-temp-file out (insert (json-encode result)))
  (ignore-errors (eglot-shutdown (eglot-current-server)))
  (kill-emacs 0))
